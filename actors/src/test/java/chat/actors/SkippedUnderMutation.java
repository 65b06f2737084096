package chat.actors;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Leaves out the test methods that the system property {@value #PROPERTY} names
 * ({@code package.Class.method}, comma-separated; no {@code #}, which would start a comment in the
 * argument file PIT starts its workers with). Only the mutation profile sets it, together with
 * JUnit's extension autodetection, which finds this class through META-INF/services; in any
 * other run it is not even loaded. It keeps the transcripts' TCP mode out of the mutation run of
 * the actors' classes, which counts the transcripts in actor mode (see docs/testing.md).
 */
public final class SkippedUnderMutation implements ExecutionCondition {

    static final String PROPERTY = "mutation.skip";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a test method");
        }
        String name = method.get().getDeclaringClass().getName() + "." + method.get().getName();
        return Arrays.asList(System.getProperty(PROPERTY, "").split(",")).contains(name)
                ? ConditionEvaluationResult.disabled(name + " is left out of mutation runs by " + PROPERTY)
                : ConditionEvaluationResult.enabled(name + " is not named in " + PROPERTY);
    }
}
