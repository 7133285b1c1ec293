import { messages } from '../i18n/en';

/**
 * The plain-English name of an enum value outside React (a CSV file): the same text
 * `lantern.enums.<Enum>.<VALUE>` gives on screen.
 */
export function enumLabel(enumName: string, value: string | null | undefined): string {
  if (!value) return '';
  const enums = (messages.lantern as unknown as { enums: Record<string, Record<string, string> | undefined> }).enums;
  return enums[enumName]?.[value] ?? value;
}
