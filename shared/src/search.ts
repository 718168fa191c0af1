/**
 * The one search box (`GET /api/search?q=`): pacts, beneficiaries and households found by a
 * few characters, each kind as its own list is scoped (API.md "Search").
 */
import type { PactStatus } from './enums';

/** The kinds of record a search finds, in the order the answer groups them. */
export const SEARCH_RESOURCES = ['pacts', 'beneficiaries', 'households'] as const;
export type SearchResource = (typeof SEARCH_RESOURCES)[number];

/** Trigram indexes serve substrings of 3 characters or more: shorter text finds nothing. */
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 100;
/** Results of one search, all kinds together. */
export const SEARCH_MAX_RESULTS = 20;

/**
 * One record found. `label`: what names it (a pact's reference and title, a person's surname
 * and name, a household's name); `description`: proper names and codes that tell records
 * apart (a pact's beneficiary and household, a person's fiscal code — masked for a manager —
 * and municipality); `status`: a pact's, for the client to word.
 */
export interface SearchResult {
  resource: SearchResource;
  id: number;
  label: string;
  description?: string;
  status?: PactStatus;
}

/**
 * The words of a search text worth looking up: those of at least SEARCH_MIN_LENGTH characters
 * (shorter ones no index can serve). Empty when the trimmed text is shorter than
 * SEARCH_MIN_LENGTH or longer than SEARCH_MAX_LENGTH, or has no such word.
 */
export function searchWords(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.length < SEARCH_MIN_LENGTH || trimmed.length > SEARCH_MAX_LENGTH) return [];
  return trimmed.split(/\s+/).filter((word) => [...word].length >= SEARCH_MIN_LENGTH);
}
