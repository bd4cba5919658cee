// Logger: an injected interface, so library code never prints.
// The CLI puts spdlog behind it; tests use a recording logger.
// Thread-safety: implementations must be safe to call from any thread.
#pragma once

#include <string_view>

namespace sohoa {

enum class LogLevel { kDebug = 0, kInfo, kWarn, kError };

class Logger {
 public:
  virtual ~Logger() = default;
  virtual bool Enabled(LogLevel level) const = 0;
  virtual void Log(LogLevel level, std::string_view message) = 0;

  void Debug(std::string_view m) { if (Enabled(LogLevel::kDebug)) Log(LogLevel::kDebug, m); }
  void Info(std::string_view m) { if (Enabled(LogLevel::kInfo)) Log(LogLevel::kInfo, m); }
  void Warn(std::string_view m) { if (Enabled(LogLevel::kWarn)) Log(LogLevel::kWarn, m); }
  void Error(std::string_view m) { if (Enabled(LogLevel::kError)) Log(LogLevel::kError, m); }
};

// Discards everything.
class NullLogger final : public Logger {
 public:
  bool Enabled(LogLevel) const override { return false; }
  void Log(LogLevel, std::string_view) override {}
};

}  // namespace sohoa
