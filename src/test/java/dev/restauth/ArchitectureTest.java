package dev.restauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of docs/ARCHITECTURE.md, checked on the sources: every package imports only what its row of the package
 * table allows, the packages form no cycle, SQL is written only in {@code db}, and DAOs are built only there.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path GUIDE = Path.of("docs/ARCHITECTURE.md");
    private static final String ROOT = "dev.restauth";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.restauth\\.([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([\\w.]+)` \\| [^|]+ \\|([^|]*)\\|$", Pattern.MULTILINE);
    private static final Pattern SQL = Pattern.compile("\"\\s*(SELECT|INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP)\\s");
    private static final Pattern NEW_DAO = Pattern.compile("new [A-Z]\\w*Dao\\(");

    @Test
    void everyPackageImportsOnlyWhatTheArchitectureGuideAllows() {
        Map<String, Set<String>> allowed = allowedImports();
        Map<String, Set<String>> actual = packageImports();
        assertEquals(new TreeSet<>(actual.keySet()), new TreeSet<>(allowed.keySet()),
                "the package table of " + GUIDE + " must list exactly the packages of " + SOURCES);
        List<String> breaches = new ArrayList<>();
        actual.forEach((from, imports) -> {
            if (from.equals(ROOT)) {
                return; // the composition root wires everything
            }
            for (String to : imports) {
                if (!allowed.get(from).contains(to)) {
                    breaches.add(from + " imports " + to);
                }
            }
        });
        assertEquals(List.of(), breaches);
    }

    @Test
    void thePackagesFormNoCycle() {
        Map<String, Set<String>> graph = packageImports();
        List<String> cycle = findCycle(graph);
        assertEquals(List.of(), cycle, "package cycle");
    }

    @Test
    void sqlIsWrittenOnlyInTheDbPackage() {
        List<String> found = new ArrayList<>();
        forEachSource((file, text) -> {
            if (!inDb(file)) {
                lines(text, SQL).forEach(line -> found.add(file + ": " + line));
            }
        });
        assertEquals(List.of(), found);
    }

    @Test
    void daosAreBuiltOnlyInTheDbPackageAndReachedThroughTheTransactionHandle() {
        List<String> found = new ArrayList<>();
        forEachSource((file, text) -> {
            if (!inDb(file)) {
                lines(text, NEW_DAO).forEach(line -> found.add(file + ": " + line));
            }
        });
        assertEquals(List.of(), found);
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        assertEquals(List.of("a", "b", "c", "a"), findCycle(graph));
        graph.put("c", Set.of());
        assertEquals(List.of(), findCycle(graph));
    }

    /** The "may import" column of the guide's package table, by package ({@code dev.restauth} for the root). */
    private static Map<String, Set<String>> allowedImports() {
        Matcher rows = TABLE_ROW.matcher(read(GUIDE));
        Map<String, Set<String>> allowed = new TreeMap<>();
        while (rows.find()) {
            Set<String> packages = new HashSet<>();
            Matcher names = Pattern.compile("`([\\w.]+)`").matcher(rows.group(2));
            while (names.find()) {
                packages.add(names.group(1));
            }
            allowed.put(rows.group(1).equals(ROOT) ? ROOT : rows.group(1), packages);
        }
        assertTrue(allowed.size() > 10, "the package table of " + GUIDE + " was not found");
        return allowed;
    }

    /** Each package's imports of other restauth packages, by package name relative to {@code dev.restauth}. */
    private static Map<String, Set<String>> packageImports() {
        Map<String, Set<String>> imports = new TreeMap<>();
        forEachSource((file, text) -> {
            String from = packageOf(SOURCES.relativize(file.getParent()));
            Set<String> to = imports.computeIfAbsent(from, name -> new TreeSet<>());
            Matcher matcher = IMPORT.matcher(text);
            while (matcher.find()) {
                String target = packageOfImport(matcher.group(1));
                if (!target.equals(from)) {
                    to.add(target);
                }
            }
        });
        return imports;
    }

    /** {@code account.Login} is in {@code account}; {@code Routes} and {@code RestAuth} are in the root. */
    private static String packageOfImport(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? ROOT : String.join(".", parts);
    }

    private static String packageOf(Path directory) {
        String name = directory.toString().replace('/', '.');
        return name.equals(ROOT) ? ROOT : name.substring(ROOT.length() + 1);
    }

    /** A cycle as the path that closes it ({@code a, b, a}), or empty. */
    static List<String> findCycle(Map<String, Set<String>> graph) {
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            List<String> cycle = walk(start, graph, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> walk(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
        int seen = path.indexOf(node);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return List.of();
        }
        path.add(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            List<String> cycle = walk(next, graph, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return List.of();
    }

    private static boolean inDb(Path file) {
        return SOURCES.relativize(file).startsWith(Path.of("dev/restauth/db"));
    }

    private static List<String> lines(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (pattern.matcher(line).find()) {
                found.add(line.strip());
            }
        }
        return found;
    }

    private interface SourceVisitor {
        void visit(Path file, String text);
    }

    private static void forEachSource(SourceVisitor visitor) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .forEach(file -> visitor.visit(file, read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
