export { runMaintenance, RunMaintenanceInput, type MaintenanceReport } from './run-maintenance';
