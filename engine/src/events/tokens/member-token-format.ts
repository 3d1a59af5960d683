/** Member tokens look like `lmt_<10 char prefix>_<43 char secret>`; the prefix finds the row. */
export const MEMBER_TOKEN_PATTERN = /^lmt_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;
