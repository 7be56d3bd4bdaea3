package vn.warddesk.bot;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;

/**
 * Every route the server registers, read from the same {@link Features#routing} that Main uses: a recording
 * {@link HttpRouting.Builder} walks each registered service, so a route added tomorrow is fuzzed tomorrow.
 */
final class RouteTable {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    record Route(Method method, String pattern) {
        @Override
        public String toString() {
            return method.text() + " " + pattern;
        }
    }

    private RouteTable() {
    }

    static List<Route> of(Features features) {
        List<Route> routes = new ArrayList<>();
        features.routing(recorder("", routes));
        return List.copyOf(routes);
    }

    private static HttpRouting.Builder recorder(String prefix, List<Route> routes) {
        return (HttpRouting.Builder) Proxy.newProxyInstance(
                RouteTable.class.getClassLoader(), new Class<?>[] {HttpRouting.Builder.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    Object[] a = args == null ? new Object[0] : args;
                    if (name.equals("register")) {
                        String path = a.length > 0 && a[0] instanceof String s ? s : "";
                        for (Object services : a) {
                            if (services instanceof Object[] array) {
                                for (Object service : array) {
                                    HttpService http = service instanceof Supplier<?> supplier
                                            ? (HttpService) supplier.get() : (HttpService) service;
                                    http.routing(recorder(join(prefix, path), routes));
                                }
                            }
                        }
                    } else if (METHODS.contains(name)) {
                        String pattern = a.length > 0 && a[0] instanceof String s ? s : "/";
                        routes.add(new Route(Method.create(name.toUpperCase(Locale.ROOT)), join(prefix, pattern)));
                    } else if (name.equals("route") && a.length >= 2 && a[0] instanceof Method m && a[1] instanceof String s) {
                        routes.add(new Route(m, join(prefix, s)));
                    }
                    return method.getReturnType().isInstance(proxy) ? proxy : null;
                });
    }

    private static String join(String prefix, String pattern) {
        if (pattern.isEmpty() || pattern.equals("/")) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        return prefix + (pattern.startsWith("/") ? pattern : "/" + pattern);
    }
}
