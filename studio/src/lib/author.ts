const KEY = 'loyalty-studio.author';

/**
 * Who is making changes. Until staff sign-in exists this is a name kept in the browser;
 * once sessions exist the server takes the author from the session instead.
 */
export function currentAuthor(): string {
  try {
    return localStorage.getItem(KEY)?.trim() || 'Studio user';
  } catch {
    return 'Studio user';
  }
}

export function setAuthor(name: string): void {
  localStorage.setItem(KEY, name.trim());
}
