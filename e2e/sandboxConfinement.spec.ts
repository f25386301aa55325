// Hostile programs on a host that sends the Content-Security-Policy as a
// header (vite.config.ts): the sandbox worker has a policy of its own.
import { sandboxConfinementScenarios } from './sandboxConfinementScenarios';

sandboxConfinementScenarios({ workerPolicyHeader: true });
