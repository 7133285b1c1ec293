import { DateField, type DateFieldProps } from 'react-admin';

/**
 * A calendar day kept as `YYYY-MM-DD` (an incident date, a police contact date), shown as that
 * same day in every time zone: the string is read as midnight UTC and printed in UTC.
 */
export const DayField = (props: Omit<DateFieldProps, 'showTime' | 'options' | 'locales'>) => (
  <DateField locales="en-GB" options={{ timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }} {...props} />
);
