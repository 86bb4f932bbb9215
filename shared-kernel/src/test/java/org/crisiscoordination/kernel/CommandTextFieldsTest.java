package org.crisiscoordination.kernel;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.crisiscoordination.kernel.crisis.Severity;
import org.crisiscoordination.kernel.mechanism.MechanismId;
import org.crisiscoordination.kernel.region.Party;
import org.crisiscoordination.kernel.region.StateCode;
import org.crisiscoordination.kernel.validation.FieldError;
import org.crisiscoordination.kernel.validation.InvalidValueException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every text field of every command, found by reflection so that a new command cannot forget the
 * rule: a NUL, a lone surrogate and a reversed pair are refused, naming the field.
 */
class CommandTextFieldsTest {

    private static final List<String> HOSTILE = List.of("a\u0000b", "lone \uD800", "reversed \uDF0A\uD83C");

    @TestFactory
    Stream<DynamicTest> everyTextFieldOfEveryCommandRefusesWhatCannotBeStored() {
        List<Class<?>> commands = commands();
        assertThat(commands).as("commands found").hasSizeGreaterThan(15);
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> command : commands) {
            RecordComponent[] components = command.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType() != String.class) {
                    continue;
                }
                int index = i;
                tests.add(DynamicTest.dynamicTest(command.getSimpleName() + "." + components[i].getName(), () -> {
                    assertThatCode(() -> construct(command, index, "fine text")).doesNotThrowAnyException();
                    for (String hostile : HOSTILE) {
                        Throwable thrown = catchThrowable(() -> construct(command, index, hostile));
                        assertThat(thrown).as(hostile).isInstanceOf(InvalidValueException.class);
                        assertThat(((InvalidValueException) thrown).errors()).extracting(FieldError::field)
                                .containsExactly(components[index].getName());
                    }
                }));
            }
        }
        assertThat(tests).as("text fields found").hasSizeGreaterThan(12);
        return tests.stream();
    }

    /** The records addressed to an aggregate: the commands of the published language. */
    private static List<Class<?>> commands() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crisiscoordination.kernel").stream()
                .<Class<?>>map(javaClass -> javaClass.reflect())
                .filter(Class::isRecord)
                .filter(type -> Arrays.stream(type.getRecordComponents()).anyMatch(component ->
                        component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)
                                || fieldAnnotated(type, component)))
                .toList();
    }

    private static boolean fieldAnnotated(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName()).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Object construct(Class<?> command, int textIndex, String text) throws Throwable {
        RecordComponent[] components = command.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = i == textIndex ? text : validValue(components[i].getGenericType());
        }
        Constructor<?> constructor = command.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object validValue(Type type) throws Exception {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Class<?> element = (Class<?>) list.getActualTypeArguments()[0];
            if (element.isEnum()) {
                return List.of(element.getEnumConstants()[0], element.getEnumConstants()[1]);
            }
            return List.of(validValue(element));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "fine text";
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        } else if (raw == Duration.class) {
            return Duration.ofHours(1);
        } else if (raw == Severity.class) {
            return Severity.of(3);
        } else if (raw == StateCode.class) {
            return StateCode.of("PH");
        } else if (raw == Party.class) {
            return Party.of("PH");
        } else if (raw == MechanismId.class) {
            return MechanismId.ASIA_PACIFIC;
        }
        return raw.getMethod("random").invoke(null);
    }
}
