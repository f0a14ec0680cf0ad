package io.atelier.search;

/** How a filter value is read and compared. */
enum FieldKind {
  /** Equal to a string, compared after Unicode NFC normalisation. */
  TEXT,
  /** Equal to a UUID. */
  UUID,
  /** Equal to an integer. */
  INTEGER,
  /** Equal to a JSON boolean. */
  BOOLEAN,
  /** Equal to one of a fixed set of values, matched in any case. */
  KEYWORD,
  /** A timestamp with optional comparison prefix and rounding suffix, see {@link DateFilter}. */
  DATE,
  /** A {@code UserDto}-shaped object matched on its {@code name} and {@code email}. */
  USER
}
