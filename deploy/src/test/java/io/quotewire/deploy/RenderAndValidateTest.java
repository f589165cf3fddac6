package io.quotewire.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every overlay renders with kubectl kustomize, without warnings, and every object is valid. */
class RenderAndValidateTest {

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    @Test
    void bothEnvironmentsExist() {
        assertThat(Overlays.names()).contains("local", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersWithoutWarningsAndEveryObjectIsValid(String name) {
        Overlays.Overlay overlay = Overlays.get(name);
        assertThat(overlay.warnings()).as("kubectl kustomize warnings for %s", name).isBlank();
        assertThat(overlay.objects()).as("objects of %s", name).isNotEmpty();
        assertThat(StrictManifestValidator.documents(overlay.yaml())).hasSameSizeAs(overlay.objects());
    }
}
