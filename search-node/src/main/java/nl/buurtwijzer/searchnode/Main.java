package nl.buurtwijzer.searchnode;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts a single-node OpenSearch cluster inside this JVM.
 *
 * <pre>
 * java -cp 'target/search-node.jar:target/lib/*' nl.buurtwijzer.searchnode.Main [options] [DIR]
 *   DIR                  path.home; index data goes to DIR/data (default: search-node/data)
 *   --port N             http.port (default: $SEARCH_NODE_PORT or 9200)
 *   --transport-port N   transport.port (default: $SEARCH_NODE_TRANSPORT_PORT or 9300)
 *   --pid-file FILE      write the JVM's PID here; removed again on clean shutdown
 *   -E key=value         any other OpenSearch setting (repeatable)
 * </pre>
 * SIGTERM / SIGINT close the node cleanly (shutdown hook).
 */
public final class Main {

    /** Node's constructor that accepts classpath plugins is protected. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class,
        CommonAnalysisPlugin.class,
        PainlessPlugin.class,
        ElasticsearchCompatPlugin.class
    );

    public static void main(String[] args) throws Exception {
        Path home = Path.of("search-node", "data");
        String port = envOr("SEARCH_NODE_PORT", "9200");
        String transportPort = envOr("SEARCH_NODE_TRANSPORT_PORT", "9300");
        Path pidFile = null;
        Settings.Builder extra = Settings.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = args[++i];
                case "--transport-port" -> transportPort = args[++i];
                case "--pid-file" -> pidFile = Path.of(args[++i]).toAbsolutePath();
                case "-E" -> {
                    String[] kv = args[++i].split("=", 2);
                    extra.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                default -> home = Path.of(args[i]);
            }
        }
        home = home.toAbsolutePath().normalize();
        for (String dir : List.of("config", "plugins", "modules", "data", "logs")) {
            Files.createDirectories(home.resolve(dir));
        }

        Settings settings = Settings.builder()
            .put("cluster.name", "buurtwijzer")
            .put("node.name", "search-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", transportPort)
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // a development node on a small disk should not turn its indices read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put(extra.build())
            .build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "search-node");

        Logger log = LogManager.getLogger(Main.class);
        final Path pid = pidFile;
        if (pid != null) { // written before start so that a stop during start-up finds the process
            Files.createDirectories(pid.getParent());
            Files.writeString(pid, ProcessHandle.current().pid() + "\n");
        }
        long t0 = System.nanoTime();
        Node node = new EmbeddedNode(env, PLUGINS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException | RuntimeException e) {
                log.warn("error while closing node", e);
            } finally {
                deletePid(pid);
                stopped.countDown();
                LogManager.shutdown();
            }
        }, "search-node-shutdown"));

        try {
            node.start();
        } catch (Exception e) {
            log.error("node failed to start", e);
            deletePid(pid);
            System.exit(1);
        }
        log.info("search node started in {} ms: http://127.0.0.1:{} (home {})",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), port, home);
        stopped.await();
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    private static void deletePid(Path pid) {
        if (pid == null) return;
        try {
            // only remove our own pid file
            if (Files.exists(pid) && Files.readString(pid).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pid);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }
}
