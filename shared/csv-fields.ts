/**
 * CSV import: the columns Amparo understands, in template and export order.
 * Its own module, with no imports, so the import screen can use it without
 * pulling the whole contract into the page.
 */
export const CSV_FIELDS = [
  'given_name',
  'family_name',
  'aliases',
  'dob',
  'approx_age',
  'sex',
  'country_of_birth',
  'nationality',
  'language',
  'interpreter_needed',
  'a_number',
  'phone',
  'email',
  'detained',
  'facility',
  'booking_number',
  'next_hearing',
  'arrested',
  'arrest_details',
  'urgent_needs',
  'notes',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
