// SIGUSR1 starts the inspector in a running process, as in Node (`kill -USR1 PID`,
// process._debugProcess(pid)). Installed once per process by the entry code; costs one sleeping
// thread, while the agent itself is still created only when the signal arrives.
#pragma once

namespace nodus {
class Runtime;
}

namespace nodus::inspector {

// Installs the SIGUSR1 handler and its watcher thread (idempotent). Both live as long as `rt`.
void WatchDebugSignal(Runtime& rt);

}  // namespace nodus::inspector
