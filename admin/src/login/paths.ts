/** The page of a mailed link to set a password (the server writes it in its mails). */
export const SET_PASSWORD_PATH = '/imposta-password';
/** «Password dimenticata?». */
export const FORGOT_PASSWORD_PATH = '/password-dimenticata';
