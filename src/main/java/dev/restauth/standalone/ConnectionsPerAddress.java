package dev.restauth.standalone;

import org.eclipse.jetty.io.Connection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Caps the connections one client IP address holds open at once: a connection beyond the cap is closed as soon as it
 * opens, before anything is read from it, so one client cannot take every connection the server has. The address is
 * the socket's peer; behind a reverse proxy every connection has the proxy's, which is why the server leaves this
 * out when {@code trusted_proxies} is set. Thread-safe.
 */
public final class ConnectionsPerAddress implements Connection.Listener {
    private final int max;
    private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** Each open connection's address, as read when it opened: a closed socket no longer tells its peer. */
    private final ConcurrentMap<Connection, InetAddress> peers = new ConcurrentHashMap<>();

    /** @param max the most connections one address may hold, at least 1 */
    public ConnectionsPerAddress(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection);
        if (address == null) {
            return;
        }
        peers.put(connection, address);
        if (open.merge(address, 1, Integer::sum) > max) {
            connection.getEndPoint().close(); // onClosed follows, and counts it out again
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = peers.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
        }
    }

    private static InetAddress address(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress() : null;
    }
}
