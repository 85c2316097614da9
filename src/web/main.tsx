import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.js';

// Darker shades than Mantine's defaults: its dimmed grey, red and teal-6 miss WCAG AA contrast on white.
const theme = createTheme({ primaryColor: 'teal', primaryShade: { light: 9, dark: 7 }, defaultRadius: 'md', fontFamily: 'Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif' });
const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-primary-color-filled-hover': '#066649', '--mantine-primary-color-light': '#e6fcf5', '--mantine-color-teal-light': '#e6fcf5', '--mantine-color-teal-light-color': '#087f5b', '--mantine-color-dimmed': '#495057', '--mantine-color-error': '#c92a2a', '--mantine-color-placeholder': '#6c757d' },
  dark: {},
});
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrastVariables} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
