export * from './programs';
export * from './program-versions';
export * from './settings';
export * from './maintenance-runs';
export * from './members';
export * from './ledger';
