export type ToastKind = 'info' | 'success' | 'error';
export type ToastItem = { id: number; kind: ToastKind; text: string };

/** Short messages in the corner, read out by screen readers; errors stay until dismissed. */
class Toasts {
  items = $state<ToastItem[]>([]);
  #next = 1;

  show(text: string, kind: ToastKind = 'info'): void {
    const id = this.#next++;
    this.items = [...this.items.slice(-3), { id, kind, text }];
    if (kind !== 'error') setTimeout(() => this.dismiss(id), 4000);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
