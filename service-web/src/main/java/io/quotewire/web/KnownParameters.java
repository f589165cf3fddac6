package io.quotewire.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query parameter the operation does not have, with a 400 problem naming it and the parameters the
 * operation takes: a misspelt filter ({@code speakr=Trump}) must not silently return everything. The accepted
 * names are the {@code @QueryParam}s of the resource method, read from it or from the generated API interface
 * it implements (JAX-RS annotation inheritance), once per method.
 */
public class KnownParameters {

    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> names = accepted.computeIfAbsent(method, KnownParameters::queryParams);
        for (String given : request.getUriInfo().getQueryParameters().keySet()) {
            if (!names.contains(given)) {
                throw ProblemException.badParameter(given, "unknown query parameter '" + given + "'; this operation "
                        + (names.isEmpty() ? "takes none" : "takes " + String.join(", ", names)));
            }
        }
    }

    /** The query parameter names of the method, from its own annotations or those of the method it implements. */
    static Set<String> queryParams(Method method) {
        Set<String> names = new TreeSet<>();
        for (Method m : declarations(method)) {
            for (Annotation[] annotations : m.getParameterAnnotations()) {
                for (Annotation a : annotations) {
                    if (a instanceof QueryParam q) {
                        names.add(q.value());
                    }
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** The method and every method it overrides or implements, up the class and interface hierarchy. */
    private static List<Method> declarations(Method method) {
        List<Method> found = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        types.add(method.getDeclaringClass());
        for (int i = 0; i < types.size(); i++) {
            Class<?> type = types.get(i);
            try {
                found.add(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException notHere) {
                // declared further up
            }
            if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return found;
    }
}
