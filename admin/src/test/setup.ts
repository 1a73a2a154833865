// Component tests (vitest project `admin-components`, jsdom): DOM matchers such as toHaveFocus, and
// an unmounted screen after each test (Testing Library cleans up by itself only with test globals).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});
