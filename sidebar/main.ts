// Placeholder entry replaced by the sidebar app.
export {};
