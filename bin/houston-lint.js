#!/usr/bin/env node
// houston-lint command: the bundled CLI (npm run build; `npm ci` builds it through `prepare`).
import '../dist/cli/bin.js';
