// Internal: what every connection of one Server shares. Outlives the io_context
// (declared before it in Server::Impl), so connections may refer to it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "http/router.h"
#include "http/server.h"

namespace mamori::http::detail {

class ConnectionBase {
 public:
  virtual ~ConnectionBase() = default;
  // Closes the socket. Only with no io thread running (after Run's threads joined).
  virtual void Close() = 0;
};

struct ServerState {
  ServerState(Router r, Limits l) : router(std::move(r)), limits(l) {}

  const Router router;
  const Limits limits;
  std::atomic<std::size_t> connections{0};
  std::atomic<bool> stopping{false};

  // Open connections, so that Stop can close them.
  std::uint64_t Register(std::weak_ptr<ConnectionBase> connection) {
    const std::lock_guard lock(mutex_);
    const std::uint64_t id = next_id_++;
    live_.emplace(id, std::move(connection));
    return id;
  }
  void Unregister(std::uint64_t id) {
    const std::lock_guard lock(mutex_);
    live_.erase(id);
  }
  void CloseAll() {
    std::vector<std::shared_ptr<ConnectionBase>> open;
    {
      const std::lock_guard lock(mutex_);
      for (auto& [id, weak] : live_) {
        if (auto c = weak.lock()) open.push_back(std::move(c));
      }
    }
    for (auto& c : open) c->Close();
  }

 private:
  std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, std::weak_ptr<ConnectionBase>> live_;
};

}  // namespace mamori::http::detail
