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
  // The landing page of reporters and administrators (first entry = where they land): statistics
  // only, scoped by the API (an organisation administrator sees their subtree).
  { path: '/dashboard', label: 'nav.dashboard', roles: ['INSTITUTE_ADMIN', 'ORG_ADMIN', 'REPORTER'] },
  // Personal data: administrators in scope only (an organisation administrator sees their subtree).
  { path: '/servants', label: 'nav.servants', roles: ['INSTITUTE_ADMIN', 'ORG_ADMIN'] },
  // Rounds are run by the institute (creating, opening and closing are institute-only in the API);
  // reporters follow registrations. Organisation administrators get their own view later.
  // Demands: institute and organisation administrators (the API does not give reporters demands).
  { path: '/demands', label: 'nav.demands', roles: ['INSTITUTE_ADMIN', 'ORG_ADMIN'] },
  // The catalogue is readable by every administrator; only the institute changes it.
  { path: '/catalogue', label: 'nav.catalogue', roles: ['INSTITUTE_ADMIN', 'ORG_ADMIN', 'REPORTER'] },
  { path: '/rounds', label: 'nav.rounds', roles: ['INSTITUTE_ADMIN', 'REPORTER'] },
  // Credits and certifications: administrators in scope (the API scopes organisation administrators
  // to their subtree; programmes and rules are changed by the institute only, the screen hides that).
  { path: '/credits', label: 'nav.credits', roles: ['INSTITUTE_ADMIN', 'ORG_ADMIN'] },
  { path: '/certifications', label: 'nav.certifications', roles: ['INSTITUTE_ADMIN', 'ORG_ADMIN'] },
  // Who read whose personal data is itself personal data: institute administrators only.
  { path: '/access-log', label: 'nav.accessLog', roles: ['INSTITUTE_ADMIN'] },
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
