import type { AccountStore } from '../storage/AccountStore.ts';

/** Looks up users' names as they are now, each once per request; unknown users get `fallback`. */
export function userNames(accounts: AccountStore, fallback = ''): (id: string) => Promise<string> {
  const known = new Map<string, Promise<string>>();
  return (id) => {
    let name = known.get(id);
    if (!name) {
      name = accounts.findUserById(id).then((user) => user?.name ?? fallback);
      known.set(id, name);
    }
    return name;
  };
}
