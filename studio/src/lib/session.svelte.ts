import { goto } from '$app/navigation';
import { trpc } from './trpc';

export type Me = NonNullable<Awaited<ReturnType<typeof trpc.auth.me.query>>>;
type Permission = Me['permissions'][number];

/** The signed-in staff member, shared by the layout, the navigation and the screens. */
class Session {
  me = $state<Me | null | undefined>(undefined);

  async load(): Promise<Me | null> {
    this.me = await trpc.auth.me.query();
    return this.me;
  }

  can(permission: Permission): boolean {
    return this.me?.permissions.includes(permission) ?? false;
  }

  async signIn(email: string, password: string): Promise<void> {
    await trpc.auth.login.mutate({ email, password });
    await this.load();
  }

  async signOut(): Promise<void> {
    await trpc.auth.logout.mutate();
    this.me = null;
    await goto('/login');
  }
}

export const session = new Session();
