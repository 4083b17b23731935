package dev.restauth.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code wrk} as the load generator: a Lua script per run builds the {@link Workload}'s requests (the same bytes as
 * {@link Workload#request}), counts the answers by status, and prints one {@code BENCH {json}} line at the end.
 * wrk itself measures the latencies, in its HdrHistogram, and counts requests left unanswered past
 * {@link LoadGenerator#TIMEOUT} as timeouts.
 */
final class Wrk implements LoadGenerator {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.&-]+");
    private static final String RESULT_PREFIX = "BENCH ";

    private final Path executable;
    private final Path scripts;

    Wrk(Path executable, Path scripts) {
        this.executable = executable;
        this.scripts = scripts;
    }

    @Override
    public String name() {
        return "wrk (" + executable + ")";
    }

    @Override
    public LoadResult run(int port, Workload workload, int connections, Duration duration) {
        try {
            Files.createDirectories(scripts);
            Path script = scripts.resolve("wrk-" + workload.kind().name().toLowerCase(Locale.ROOT) + ".lua");
            Files.writeString(script, script(workload), StandardCharsets.UTF_8);
            int threads = Math.min(connections, Runtime.getRuntime().availableProcessors());
            List<String> command = List.of(executable.toString(), "-t" + threads, "-c" + connections,
                    "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", TIMEOUT.toSeconds() + "s",
                    "-s", script.toString(), "http://127.0.0.1:" + port + workload.path());
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while wrk ran", e);
        }
    }

    private static LoadResult parse(String output) {
        String line = output.lines().filter(l -> l.startsWith(RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result line in wrk's output:\n" + output));
        JsonObject json = JsonParser.parseString(line.substring(RESULT_PREFIX.length())).getAsJsonObject();
        Map<Integer, Long> statuses = new HashMap<>();
        json.getAsJsonObject("statuses").entrySet()
                .forEach(e -> statuses.put(Integer.parseInt(e.getKey()), e.getValue().getAsLong()));
        return new LoadResult(json.get("requests").getAsLong(), json.get("duration_us").getAsLong() / 1e6,
                json.get("p50_us").getAsLong(), json.get("p99_us").getAsLong(), json.get("max_us").getAsLong(),
                statuses, json.get("connect").getAsLong() + json.get("read").getAsLong()
                        + json.get("write").getAsLong(),
                json.get("timeout").getAsLong(), json.get("no_retry_after").getAsLong());
    }

    /** The Lua script: wrk's {@code setup}, {@code init}, {@code request}, {@code response}, {@code done}. */
    static String script(Workload workload) {
        for (String item : workload.items()) {
            if (!SAFE.matcher(item).matches()) {
                throw new IllegalArgumentException("not safe to embed in a script: " + item);
            }
        }
        if (!workload.secret().isEmpty() && !SAFE.matcher(workload.secret()).matches()) {
            throw new IllegalArgumentException("the bench password must be plain ASCII letters and digits");
        }
        String items = workload.items().stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        return String.join("\n",
                "-- Written by dev.restauth.bench.Wrk for one run; see Workload for what it sends.",
                "local items = {" + items + "}",
                "local kind = \"" + workload.kind().name() + "\"",
                "local path = \"" + workload.path() + "\"",
                "local secret = \"" + workload.secret() + "\"",
                "local pause = " + workload.pause().toMillis(),
                "local threads = {}",
                "local next_id = 0",
                "",
                "function setup(thread)",
                "  thread:set(\"id\", next_id)",
                "  next_id = next_id + 1",
                "  table.insert(threads, thread)",
                "end",
                "",
                "function init(args)",
                "  n = 0",
                "  statuses = {}",
                "  no_retry_after = 0",
                "end",
                "",
                "local function item()",
                "  return items[(id * " + Workload.STREAM_OFFSET + " + n) % #items + 1]",
                "end",
                "",
                "function request()",
                "  local r",
                "  if kind == \"USER\" then",
                "    r = wrk.format(\"GET\", path, {[\"Authorization\"] = \"Token \" .. item()})",
                "  elseif kind == \"JWT_USER\" then",
                "    r = wrk.format(\"GET\", path, {[\"Authorization\"] = \"Bearer \" .. item()})",
                "  elseif kind == \"LOGIN\" then",
                "    r = wrk.format(\"POST\", path, {[\"Content-Type\"] = \"application/json\"},",
                "      '{\"username\":\"' .. item() .. '\",\"password\":\"' .. secret .. '\"}')",
                "  else",
                "    local name = items[1] .. id .. \"x\" .. n",
                "    r = wrk.format(\"POST\", path, {[\"Content-Type\"] = \"application/json\"},",
                "      '{\"username\":\"' .. name .. '\",\"email\":\"' .. name .. '@example.com\",\"password1\":\"'",
                "      .. secret .. '\",\"password2\":\"' .. secret .. '\"}')",
                "  end",
                "  n = n + 1",
                "  return r",
                "end",
                "",
                "function response(status, headers, body)",
                "  statuses[status] = (statuses[status] or 0) + 1",
                "  if (status == 429 or status == 503) and headers[\"Retry-After\"] == nil then",
                "    no_retry_after = no_retry_after + 1",
                "  end",
                "end",
                "",
                "if pause > 0 then",
                "  function delay()",
                "    return pause",
                "  end",
                "end",
                "",
                "function done(summary, latency, requests)",
                "  local counts = {}",
                "  local missing = 0",
                "  for _, thread in ipairs(threads) do",
                "    for code, count in pairs(thread:get(\"statuses\")) do",
                "      counts[code] = (counts[code] or 0) + count",
                "    end",
                "    missing = missing + thread:get(\"no_retry_after\")",
                "  end",
                "  local parts = {}",
                "  for code, count in pairs(counts) do",
                "    table.insert(parts, string.format('\"%d\":%d', code, count))",
                "  end",
                "  local e = summary.errors",
                "  io.write(string.format('" + RESULT_PREFIX + "{\"requests\":%d,\"duration_us\":%d,'",
                "    .. '\"p50_us\":%d,\"p99_us\":%d,\"max_us\":%d,\"connect\":%d,\"read\":%d,\"write\":%d,'",
                "    .. '\"timeout\":%d,\"no_retry_after\":%d,\"statuses\":{%s}}\\n',",
                "    summary.requests, summary.duration, math.floor(latency:percentile(50)),",
                "    math.floor(latency:percentile(99)), latency.max, e.connect, e.read, e.write, e.timeout,",
                "    missing, table.concat(parts, \",\")))",
                "end",
                "");
    }
}
