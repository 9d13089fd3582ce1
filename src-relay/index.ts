// The relay (issue 5) lives here: an HTTP + WebSocket server over PGlite or PostgreSQL.
export {};
