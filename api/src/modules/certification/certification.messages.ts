/** User-facing messages of mandatory training and certifications (merged into i18n/messages.ts). */
export const certificationMessages = {} as const satisfies Record<string, { ko: string; en: string }>;
