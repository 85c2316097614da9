import './mantine-styles.js';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.js';
import { ApiError } from './api/client.js';
import { askForPreloadedAnswers } from './api/preloaded-answers.js';
import { NotificationsOnDemand } from './components/on-demand/NotificationsOnDemand.js';
import { followWindowScroll } from './components/window-scroll.js';
import { leaveFirstScreenWithin } from './components/first-screen.js';
import { lightColorScheme } from './light-color-scheme.js';

// Darker shades than Mantine's defaults: its dimmed grey, red and teal-6 miss WCAG AA contrast on white.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 7 },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
  // Every dialog's close button gets a name for screen readers. A plain object rather than `Modal.extend`, which
  // would import the Modal (and its scroll lock and focus trap) into the entry chunk that every first visit loads.
  components: { Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } } },
});
const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-error': '#c92a2a',
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-primary-color-filled-hover': '#066649',
    '--mantine-primary-color-light': '#e6fcf5',
    '--mantine-color-teal-light': '#e6fcf5',
    '--mantine-color-teal-light-color': '#087f5b',
    '--mantine-primary-color-light-hover': '#e3f9f1',
    '--mantine-color-teal-light-hover': '#e3f9f1',
    // Status and badge colours, darkened to reach 4.5:1 on their light backgrounds.
    '--mantine-color-yellow-light-color': '#7a4a00',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-orange-filled': '#b34700',
    '--mantine-color-orange-light-color': '#9c3600',
    '--mantine-color-grape-outline': '#862e9c',
    // The forecast's outline badges (teal, yellow, red) on white: Mantine's shades reach only 3:1.
    '--mantine-color-teal-outline': '#087f5b',
    '--mantine-color-yellow-outline': '#7a4a00',
    '--mantine-color-red-outline': '#a51d1d',
    '--mantine-color-gray-outline': '#495057',
    '--mantine-color-gray-light-color': '#343a40',
  },
  dark: {},
});
// A refusal (4xx: not found, forbidden…) is an answer, not a failure: shown at once, never retried. Only network
// errors and 5xx are retried (up to three times).
const retryUnlessRefused = (failures: number, error: Error) => failures < 3 && !(error instanceof ApiError && error.status < 500);
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true, retry: retryUnlessRefused } },
});

// What index.html preloaded for the page is asked for now: its answers are in the cache when the page first renders.
askForPreloadedAnswers(queryClient);

// The first render is a transition: React renders it in 5 ms slices and yields between them, so a first visit's main
// thread is never held for the whole shell at once (a plain `render` is one task, however large the tree).
const root = createRoot(document.getElementById('root')!);
followWindowScroll();
leaveFirstScreenWithin(10_000);
startTransition(() =>
  root.render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={contrastVariables}
        defaultColorScheme="light"
        colorSchemeManager={lightColorScheme}
      >
        <NotificationsOnDemand />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
