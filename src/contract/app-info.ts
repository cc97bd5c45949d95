/** Bumped with each release; shown by the UI and exported with data. */
export const APP_VERSION = '0.1.0';
