import type { Role } from '../auth/viewer';
import type { MessageKey } from '../i18n';

/**
 * The screens of the app and who may use them. The menu, the route guards and the landing
 * page all read this list, so a role never sees a menu entry for a screen it cannot open.
 * New domains (catalogue, demand, credits, certifications, access log) add an entry here and
 * a folder under routes/<domain>/.
 */
export interface ScreenEntry {
  path: string;
  label: MessageKey;
  roles: readonly Role[];
}

export const SCREENS = [
  // Personal data: administrators in scope only (an organisation administrator sees their subtree).
  { path: '/servants', label: 'nav.servants', roles: ['INSTITUTE_ADMIN', 'ORG_ADMIN'] },
  // Rounds are run by the institute (creating, opening and closing are institute-only in the API);
  // reporters follow registrations. Organisation administrators get their own view later.
  { path: '/rounds', label: 'nav.rounds', roles: ['INSTITUTE_ADMIN', 'REPORTER'] },
] as const satisfies readonly ScreenEntry[];

export function canUse(roles: readonly Role[], screen: ScreenEntry): boolean {
  return screen.roles.some((r) => roles.includes(r));
}

export function screensFor(roles: readonly Role[]): ScreenEntry[] {
  return SCREENS.filter((s) => canUse(roles, s));
}

/** Where a role lands after signing in: its first screen. */
export function homeFor(roles: readonly Role[]): string | null {
  return screensFor(roles)[0]?.path ?? null;
}

export function screen(path: (typeof SCREENS)[number]['path']): ScreenEntry {
  return SCREENS.find((s) => s.path === path)!;
}
