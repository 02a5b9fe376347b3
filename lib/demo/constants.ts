export const SEED_ACTOR = "seed";

// Reservations span [asOf month − 22 months, asOf month + 14 months): 2025–2027 for an asOf in Nov 2026.
export const WINDOW_START_MONTHS = -22;
export const WINDOW_END_MONTHS = 14;
export const UTILIZATION_HISTORY_MONTHS = 18;
