/** ISEE amounts in euros, written the Italian way. */
export const EURO: Intl.NumberFormatOptions = { style: 'currency', currency: 'EUR' };
