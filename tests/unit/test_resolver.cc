#include <catch2/catch.hpp>
#include <filesystem>

#include "modules/resolver.h"
#include "temp_tree.h"

using nodus::modules::Resolver;

TEST_CASE("relative files resolve with the extension order .js, .json, .node", "[resolver]") {
  TempTree t;
  t.Write("a.json", "{}");
  t.Write("a.node", "");
  t.Write("b.node", "");
  Resolver r;
  CHECK(r.FindPath("./a", {t.root.string()}, false).path == t / "a.json");
  t.Write("a.js", "");
  r.ClearCache();
  CHECK(r.FindPath("./a", {t.root.string()}, false).path == t / "a.js");
  CHECK(r.FindPath("./b", {t.root.string()}, false).path == t / "b.node");
  CHECK_FALSE(r.FindPath("./missing", {t.root.string()}, false).found());
}

TEST_CASE("directories use package.json main, then index", "[resolver]") {
  TempTree t;
  t.Write("dir1/package.json", R"({"main": "lib/entry"})");
  t.Write("dir1/lib/entry.js", "");
  t.Write("dir2/index.json", "{}");
  t.Write("dir3/package.json", R"({"main": "nothing.js"})");
  t.Write("dir4/package.json", R"({"main": "nothing.js"})");
  t.Write("dir4/index.js", "");
  Resolver r;
  std::vector<std::string> base{t.root.string()};
  CHECK(r.FindPath("./dir1", base, false).path == t / "dir1/lib/entry.js");
  CHECK(r.FindPath("./dir2", base, false).path == t / "dir2/index.json");
  auto bad = r.FindPath("./dir3", base, false);
  REQUIRE(bad.error);
  CHECK(bad.error->code == "MODULE_NOT_FOUND");
  CHECK(bad.error->message.find("valid \"main\"") != std::string::npos);
  CHECK(r.FindPath("./dir4", base, false).path == t / "dir4/index.js");
}

TEST_CASE("bare specifiers walk node_modules up the tree", "[resolver]") {
  TempTree t;
  t.Write("node_modules/top/index.js", "");
  t.Write("app/node_modules/near/main.js", "");
  t.Write("app/node_modules/near/package.json", R"({"main":"main.js"})");
  t.Dir("app/src/deep");
  Resolver r;
  auto paths = Resolver::NodeModulePaths(t / "app/src/deep");
  CHECK(paths.front() == t / "app/src/deep/node_modules");
  CHECK(paths.back() == "/node_modules");
  CHECK(r.FindPath("near", paths, false).path == t / "app/node_modules/near/main.js");
  CHECK(r.FindPath("top", paths, false).path == t / "node_modules/top/index.js");
  CHECK(r.FindPath("top/index", paths, false).path == t / "node_modules/top/index.js");
  // node_modules folders are not nested in the lookup list.
  auto nm = Resolver::NodeModulePaths(t / "app/node_modules/near");
  CHECK(nm.front() == t / "app/node_modules/near/node_modules");
  CHECK(std::find(nm.begin(), nm.end(), t / "app/node_modules/node_modules") == nm.end());
}

TEST_CASE("package exports: conditions, subpaths, patterns and errors", "[resolver]") {
  TempTree t;
  t.Write("node_modules/pkg/package.json", R"({
    "name": "pkg",
    "exports": {
      ".": { "import": "./esm.mjs", "require": "./cjs.js", "default": "./default.js" },
      "./feature": "./lib/feature.js",
      "./utils/*": "./lib/utils/*.js",
      "./utils/*.css": null,
      "./private/*": null,
      "./bad": "../outside.js",
      "./package.json": "./package.json"
    }
  })");
  t.Write("node_modules/pkg/cjs.js", "");
  t.Write("node_modules/pkg/lib/feature.js", "");
  t.Write("node_modules/pkg/lib/utils/str.js", "");
  t.Write("node_modules/pkg/lib/hidden.js", "");
  Resolver r;
  auto paths = Resolver::NodeModulePaths(t.root.string());
  CHECK(r.FindPath("pkg", paths, false).path == t / "node_modules/pkg/cjs.js");
  CHECK(r.FindPath("pkg/feature", paths, false).path == t / "node_modules/pkg/lib/feature.js");
  CHECK(r.FindPath("pkg/utils/str", paths, false).path == t / "node_modules/pkg/lib/utils/str.js");
  auto hidden = r.FindPath("pkg/lib/hidden.js", paths, false);
  REQUIRE(hidden.error);
  CHECK(hidden.error->code == "ERR_PACKAGE_PATH_NOT_EXPORTED");
  CHECK(hidden.error->message ==
        "Package subpath './lib/hidden.js' is not defined by \"exports\" in " + (t / "node_modules/pkg/package.json"));
  auto nulled = r.FindPath("pkg/private/x", paths, false);
  REQUIRE(nulled.error);
  CHECK(nulled.error->code == "ERR_PACKAGE_PATH_NOT_EXPORTED");
  auto bad = r.FindPath("pkg/bad", paths, false);
  REQUIRE(bad.error);
  CHECK(bad.error->code == "ERR_INVALID_PACKAGE_TARGET");
  auto missing = r.FindPath("pkg/utils/none", paths, false);
  REQUIRE(missing.error);
  CHECK(missing.error->code == "MODULE_NOT_FOUND");
}

TEST_CASE("exports sugar, arrays and mixed keys", "[resolver]") {
  TempTree t;
  t.Write("node_modules/sugar/package.json", R"({"exports": "./main.js"})");
  t.Write("node_modules/sugar/main.js", "");
  t.Write("node_modules/arr/package.json", R"({"exports": {".": ["./nope:bad", "./ok.js"]}})");
  t.Write("node_modules/arr/ok.js", "");
  t.Write("node_modules/mixed/package.json", R"({"exports": {".": "./a.js", "require": "./b.js"}})");
  t.Write("node_modules/nomain/package.json", R"({"exports": {"./x": "./x.js"}})");
  Resolver r;
  auto paths = Resolver::NodeModulePaths(t.root.string());
  CHECK(r.FindPath("sugar", paths, false).path == t / "node_modules/sugar/main.js");
  auto mixed = r.FindPath("mixed", paths, false);
  REQUIRE(mixed.error);
  CHECK(mixed.error->code == "ERR_INVALID_PACKAGE_CONFIG");
  auto nomain = r.FindPath("nomain", paths, false);
  REQUIRE(nomain.error);
  CHECK(nomain.error->message.rfind("No \"exports\" main defined in", 0) == 0);
}

TEST_CASE("package imports and self-reference", "[resolver]") {
  TempTree t;
  t.Write("app/package.json", R"({
    "name": "app",
    "exports": { ".": "./index.js", "./sub": "./sub.js" },
    "imports": { "#internal/*": "./src/internal/*.js", "#dep": "dep", "#cond": {"node": "./n.js", "default": "./d.js"} }
  })");
  t.Write("app/index.js", "");
  t.Write("app/sub.js", "");
  t.Write("app/n.js", "");
  t.Write("app/src/internal/util.js", "");
  t.Write("app/src/main.js", "");
  t.Write("app/node_modules/dep/index.js", "");
  Resolver r;
  std::string parent = t / "app/src/main.js";
  CHECK(r.ResolveImports("#internal/util", parent).path == t / "app/src/internal/util.js");
  CHECK(r.ResolveImports("#cond", parent).path == t / "app/n.js");
  CHECK(r.ResolveImports("#dep", parent).path == t / "app/node_modules/dep/index.js");
  auto undefined_import = r.ResolveImports("#nope", parent);
  REQUIRE(undefined_import.error);
  CHECK(undefined_import.error->code == "ERR_PACKAGE_IMPORT_NOT_DEFINED");
  CHECK(r.ResolveSelf("app", parent).path == t / "app/index.js");
  CHECK(r.ResolveSelf("app/sub", parent).path == t / "app/sub.js");
  CHECK_FALSE(r.ResolveSelf("other", parent).found());
}

TEST_CASE("an invalid package.json is reported, not ignored", "[resolver]") {
  TempTree t;
  t.Write("broken/package.json", "{ not json");
  Resolver r;
  auto res = r.FindPath("./broken", {t.root.string()}, false);
  REQUIRE(res.error);
  CHECK(res.error->code == "ERR_INVALID_PACKAGE_CONFIG");
}

TEST_CASE("symlinked files resolve to their real path", "[resolver]") {
  TempTree t;
  t.Write("real/file.js", "");
  std::filesystem::create_symlink(t / "real", t / "link");
  Resolver r;
  CHECK(r.FindPath("./link/file", {t.root.string()}, false).path == t / "real/file.js");
}

TEST_CASE("a folder named package.json is not a package.json", "[resolver]") {
  TempTree t;
  t.Dir("node_modules/odd/package.json");
  t.Write("node_modules/odd/index.js", "");
  Resolver r;
  auto paths = Resolver::NodeModulePaths(t.root.string());
  CHECK(r.FindPath("odd", paths, false).path == t / "node_modules/odd/index.js");
}

TEST_CASE("the path cache keeps require and import conditions apart", "[resolver]") {
  TempTree t;
  t.Write("node_modules/dual/package.json",
          R"({ "exports": { "import": "./m.mjs", "require": "./c.cjs" } })");
  t.Write("node_modules/dual/m.mjs", "");
  t.Write("node_modules/dual/c.cjs", "");
  t.Write("package.json", R"({ "imports": { "#dep": "dual" } })");
  Resolver r;
  std::string parent = t / "main.mjs";
  // "#dep" maps to a bare specifier, found through FindPath under whichever conditions apply.
  CHECK(r.ResolveEsmImports("#dep", parent).path == t / "node_modules/dual/m.mjs");
  CHECK(r.ResolveImports("#dep", parent).path == t / "node_modules/dual/c.cjs");
  CHECK(r.FindPath("dual", Resolver::NodeModulePaths(t.root.string()), false).path == t / "node_modules/dual/c.cjs");
}
