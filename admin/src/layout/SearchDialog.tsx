import {
  SEARCH_RESOURCES,
  searchWords,
  SEARCH_MIN_LENGTH,
  type SearchResource,
  type SearchResult,
} from '@generattivi/shared';
import SearchIcon from '@mui/icons-material/Search';
import {
  Box,
  Dialog,
  DialogContent,
  InputAdornment,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useDataProvider, useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import { StatusChip } from '../pacts/StatusChip';
import type { AppDataProvider } from '../providers/dataProvider';

/** Time without typing before the search is sent. */
const DEBOUNCE_MS = 250;

type State =
  | { kind: 'short' }
  | { kind: 'loading' }
  | { kind: 'done'; results: SearchResult[] }
  | { kind: 'failed'; message: string };

/** The results of the text typed, sent once the typing pauses (aborting the one before). */
function useSearch(text: string): State {
  const dataProvider = useDataProvider<AppDataProvider>();
  // The provider's identity may change between renders: the search follows the text only.
  const provider = useRef(dataProvider);
  provider.current = dataProvider;
  const searchable = searchWords(text).length > 0;
  const [state, setState] = useState<State>({ kind: 'short' });
  useEffect(() => {
    if (!searchable) {
      setState({ kind: 'short' });
      return;
    }
    setState((current) => (current.kind === 'done' ? current : { kind: 'loading' }));
    const abort = new AbortController();
    const timer = setTimeout(() => {
      provider.current.search(text.trim(), abort.signal).then(
        (results) => setState({ kind: 'done', results }),
        (error: unknown) => {
          if (abort.signal.aborted) return;
          setState({ kind: 'failed', message: error instanceof Error ? error.message : '' });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, searchable]);
  return state;
}

/**
 * The search dialog (loaded on first use): results as one types, grouped under Patti,
 * Beneficiari, Nuclei; arrows move among them, Enter opens the record, Esc closes. The
 * text box is a combobox owning the list of results (WAI-ARIA combobox pattern). Full screen
 * on a phone.
 */
const SearchDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const state = useSearch(text);
  const results = useMemo(() => (state.kind === 'done' ? state.results : []), [state]);
  const listRef = useRef<HTMLDivElement>(null);
  // The first result is the active one whenever the results change (not for the same again).
  const shown = results.map((result) => `${result.resource}/${result.id}`).join();
  useEffect(() => setActive(0), [shown]);
  useEffect(() => {
    listRef.current
      ?.querySelector(`[data-index="${active}"]`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const groups = SEARCH_RESOURCES.map((resource) => ({
    resource,
    items: results.flatMap((result, index) =>
      result.resource === resource ? [{ result, index }] : [],
    ),
  })).filter((group) => group.items.length > 0);

  const open = (result: SearchResult) => {
    onClose();
    redirect('show', result.resource, result.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (results.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(results[active] ?? results[0]);
    }
  };

  const optionId = (index: number) => `${id}-option-${index}`;
  const masked = identity?.role === 'MANAGER';
  const status =
    state.kind === 'short'
      ? translate('app.search.min_length', { min: SEARCH_MIN_LENGTH })
      : state.kind === 'loading'
        ? translate('app.search.loading')
        : state.kind === 'failed'
          ? state.message || translate('ra.notification.http_error')
          : results.length === 0
            ? translate('app.search.no_results')
            : translate('app.search.results', { smart_count: results.length });
  const expanded = results.length > 0;

  return (
    <Dialog
      open
      onClose={onClose}
      fullScreen={phone}
      fullWidth
      maxWidth="sm"
      slotProps={{
        paper: {
          'aria-label': translate('app.search.title'),
          sx: phone ? undefined : { alignSelf: 'flex-start', mt: 8 },
        },
      }}
    >
      <DialogContent sx={{ p: phone ? 1.5 : 2 }}>
        <TextField
          autoFocus
          fullWidth
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={translate(
            masked ? 'app.search.placeholder_masked' : 'app.search.placeholder',
          )}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon />
                </InputAdornment>
              ),
            },
            htmlInput: {
              role: 'combobox',
              'aria-label': translate('app.search.title'),
              'aria-autocomplete': 'list',
              'aria-expanded': expanded,
              'aria-controls': `${id}-results`,
              'aria-activedescendant': expanded ? optionId(active) : undefined,
              maxLength: 100,
              type: 'search',
              autoComplete: 'off',
              spellCheck: false,
            },
          }}
        />
        <Typography
          role="status"
          variant="body2"
          color="text.secondary"
          sx={{ mt: 1.5, mb: 1, minHeight: '1.5em' }}
        >
          {status}
        </Typography>
        <Box
          id={`${id}-results`}
          ref={listRef}
          role="listbox"
          aria-label={translate('app.search.results_label')}
        >
          {groups.map((group) => (
            <Box key={group.resource} role="group" aria-labelledby={`${id}-${group.resource}`}>
              <Typography
                id={`${id}-${group.resource}`}
                role="presentation"
                variant="overline"
                component="div"
                color="text.secondary"
                sx={{ mt: 1, px: 1 }}
              >
                {translate(`app.search.groups.${group.resource satisfies SearchResource}`)}
              </Typography>
              {group.items.map(({ result, index }) => (
                <Box
                  key={`${result.resource}/${result.id}`}
                  id={optionId(index)}
                  data-index={index}
                  role="option"
                  aria-selected={index === active}
                  onMouseMove={() => setActive(index)}
                  onClick={() => open(result)}
                  sx={{
                    px: 1,
                    py: 0.75,
                    borderRadius: 1,
                    cursor: 'pointer',
                    minHeight: 44,
                    overflowWrap: 'anywhere',
                    bgcolor: index === active ? 'action.selected' : undefined,
                  }}
                >
                  <Typography variant="body1">{result.label}</Typography>
                  {result.description || result.status ? (
                    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                      {result.status ? <StatusChip status={result.status} /> : null}
                      {result.description ? (
                        <Typography variant="body2" color="text.secondary">
                          {result.description}
                        </Typography>
                      ) : null}
                    </Box>
                  ) : null}
                </Box>
              ))}
            </Box>
          ))}
        </Box>
      </DialogContent>
    </Dialog>
  );
};

export default SearchDialog;
