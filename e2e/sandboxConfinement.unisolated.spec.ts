// Hostile programs on a static host (no headers): the page has only its
// `<meta>` policy, which the sandbox worker does not inherit.
import { sandboxConfinementScenarios } from './sandboxConfinementScenarios';

sandboxConfinementScenarios({ workerPolicyHeader: false });
