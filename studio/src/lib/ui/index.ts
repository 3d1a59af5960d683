/** The studio's small design system, built on the tokens in `lib/styles/app.css`. */
export { default as Button } from './Button.svelte';
export { default as Dialog } from './Dialog.svelte';
export { default as EmptyState } from './EmptyState.svelte';
export { default as Field } from './Field.svelte';
export { default as HelpPanel } from './HelpPanel.svelte';
export { default as Pill, type PillTone } from './Pill.svelte';
export { default as Select } from './Select.svelte';
export { default as Tabs } from './Tabs.svelte';
export { default as Toast } from './Toast.svelte';
export { toasts } from './toast.svelte';
