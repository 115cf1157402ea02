/**
 * The date grammars the feed formats name, written from the standards' text
 * (not from our output), so a test can tell a well-formed date from one that
 * merely parses.
 *
 * RSS 2.0 dates are RFC 822 date-times (section 5.1), with the four-digit
 * years RSS 2.0 recommends (RFC 1123 5.2.14):
 *   date-time = [ day "," ] date time
 *   day       = "Mon" / "Tue" / "Wed" / "Thu" / "Fri" / "Sat" / "Sun"
 *   date      = 1*2DIGIT month 2DIGIT        ; day month year (4DIGIT per RFC 1123)
 *   month     = "Jan" / "Feb" / … / "Dec"
 *   time      = hour zone
 *   hour      = 2DIGIT ":" 2DIGIT [":" 2DIGIT]
 *   zone      = "UT" / "GMT" / "EST" / "EDT" / "CST" / "CDT" / "MST" / "MDT" / "PST" / "PDT"
 *             / 1ALPHA / ( ("+" / "-") 4DIGIT )   ; military zones: any letter but J
 *
 * Atom (RFC 4287 3.3) and JSON Feed 1.1 dates are RFC 3339 date-times (section 5.6):
 *   date-time      = full-date "T" full-time
 *   full-date      = date-fullyear "-" date-month "-" date-mday    ; 4DIGIT "-" 2DIGIT "-" 2DIGIT
 *   full-time      = partial-time time-offset
 *   partial-time   = time-hour ":" time-minute ":" time-second [time-secfrac]
 *   time-secfrac   = "." 1*DIGIT
 *   time-offset    = "Z" / time-numoffset ; time-numoffset = ("+" / "-") time-hour ":" time-minute
 * Atom further asks for an upper-case "T" and "Z".
 */
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const ZONE = '(?:UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\\d{4})';
export const RFC822_DATE_TIME = new RegExp(`^(?:${DAY}, )?\\d{1,2} ${MONTH} \\d{4} \\d{2}:\\d{2}(?::\\d{2})? ${ZONE}$`);

export const RFC3339_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** The problems with an RFC 822 date-time (empty when it follows the grammar). */
export function rfc822Problems(value: string): string[] {
  return RFC822_DATE_TIME.test(value) ? [] : [`"${value}" is not an RFC 822 date-time`];
}

export function rfc3339Problems(value: string): string[] {
  return RFC3339_DATE_TIME.test(value) ? [] : [`"${value}" is not an RFC 3339 date-time`];
}
