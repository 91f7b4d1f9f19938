#include <catch2/catch.hpp>

#include "plugins/manifest.h"
#include "temp_tree.h"

using nodus::plugins::Manifest;

TEST_CASE("manifest maps module ids to plugin files", "[manifest]") {
  std::string err;
  auto m = Manifest::Parse(R"({"manifest":1,"plugins":[
      {"name":"fs","version":"1.0.0","file":"libnodus_fs.so","modules":["fs","fs/promises"],"depends":[]},
      {"name":"http","file":"/abs/libnodus_http.so","modules":["http"],"depends":["net"]}]})",
      "/opt/nodus/lib", &err);
  REQUIRE(m);
  REQUIRE(m->FindByModule("fs/promises"));
  CHECK(m->FindByModule("fs/promises")->file == "/opt/nodus/lib/libnodus_fs.so");
  CHECK(m->FindByModule("http")->depends == std::vector<std::string>{"net"});
  CHECK(m->FindByModule("http")->file == "/abs/libnodus_http.so");
  CHECK(m->FindByModule("net") == nullptr);
  CHECK(m->FindByName("fs")->version == "1.0.0");
}

TEST_CASE("broken manifests give a reason", "[manifest]") {
  std::string err;
  CHECK_FALSE(Manifest::Parse("{", "/", &err));
  CHECK_FALSE(err.empty());
  err.clear();
  CHECK_FALSE(Manifest::Parse(R"({"plugins":[{"name":"x"}]})", "/", &err));
  CHECK(err.find("\"file\"") != std::string::npos);
  err.clear();
  CHECK_FALSE(Manifest::Parse(R"({"plugins":[{"name":"x","file":"x.so","modules":[1]}]})", "/", &err));
  CHECK(err.find("modules") != std::string::npos);
}

TEST_CASE("overrides swap the file that serves a plugin or module", "[manifest]") {
  std::string err;
  auto m = Manifest::Parse(R"({"plugins":[{"name":"dns","file":"a.so","modules":["dns","dns/promises"]}]})",
                           "/lib", &err);
  REQUIRE(m);
  m->Override("dns", "/other/dns_hosts.so");
  CHECK(m->FindByModule("dns/promises")->file == "/other/dns_hosts.so");
  CHECK(m->FindByModule("dns")->overridden);
  m->Override("extra", "/x/extra.so");
  CHECK(m->FindByModule("extra")->file == "/x/extra.so");
  CHECK(m->FindByModule("extra/promises")->file == "/x/extra.so");
  CHECK(m->FindByModule("extrasomething") == nullptr);
  char e1[] = "NODUS_PLUGIN_DNS=/env/dns.so";
  char e2[] = "NODUS_PLUGIN_PATH=/ignored";
  char* env[] = {e1, e2, nullptr};
  m->ApplyEnvironment(env);
  CHECK(m->FindByName("dns")->file == "/env/dns.so");
}

TEST_CASE("a program's own plugin choices swap files relative to its folder", "[manifest]") {
  std::string err;
  auto m = Manifest::Parse(R"({"plugins":[{"name":"dns","file":"a.so","modules":["dns","dns/promises"]},
                                         {"name":"fs","file":"fs.so","modules":["fs"]}]})",
                           "/lib", &err);
  REQUIRE(m);
  REQUIRE(m->ApplyProgramOverrides(R"({"plugins":{"dns":"./alt/dns_hosts.so","fs/promises":"/abs/fs2.so"}})",
                                   "/app", &err));
  CHECK(m->FindByName("dns")->file == "/app/alt/dns_hosts.so");
  CHECK(m->FindByModule("dns/promises")->overridden);
  CHECK(m->FindByModule("fs/promises")->file == "/abs/fs2.so");
  CHECK(m->FindByName("fs")->file == "/lib/fs.so");
  // Wrong shapes are refused whole: nothing of them is applied.
  CHECK_FALSE(m->ApplyProgramOverrides(R"({"plugins":[{"name":"fs","file":"x.so"}]})", "/app", &err));
  CHECK(err.find("\"plugins\" object") != std::string::npos);
  CHECK_FALSE(m->ApplyProgramOverrides(R"({"plugins":{"fs":"/ok.so","dns":5}})", "/app", &err));
  CHECK(err.find("\"dns\"") != std::string::npos);
  CHECK(m->FindByName("fs")->file == "/lib/fs.so");
  CHECK_FALSE(m->ApplyProgramOverrides("{", "/app", &err));
}

TEST_CASE("a missing manifest file is an empty runtime", "[manifest]") {
  TempTree t;
  std::string err;
  auto m = Manifest::Load(t.root.string(), &err);
  REQUIRE(m);
  CHECK(m->plugins().empty());
}
