// The client-side API Apps Script injects into HtmlService pages (google.script.run and host).
declare namespace google.script {
  interface Runner {
    withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): Runner;
    withFailureHandler(handler: (error: Error, userObject?: unknown) => void): Runner;
    withUserObject(object: unknown): Runner;
  }
  const run: Runner;
  namespace host {
    function close(): void;
    namespace editor {
      function focus(): void;
    }
  }
}

interface Window {
  /** Written by the server template (src/adapters/ui.ts showSidebar) before the bundle runs. */
  ODESK_BOOT?: { view?: unknown; lang?: unknown; notice?: unknown };
  /** Set only by a page that hosts the sidebar itself (the workbench): sidebar/poll-interval.ts. */
  ODESK_DESK_POLL_MS?: unknown;
}
