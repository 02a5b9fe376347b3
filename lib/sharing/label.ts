/** Longest label of a share link: enough for "Board pack, March 2027 — audit committee", short enough for the list. */
export const SHARE_LABEL_MAX = 80;
