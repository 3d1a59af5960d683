import fc from 'fast-check';

// A failing property can take very long to shrink, and shrinking is synchronous, so no test
// timeout can stop it: bound every property run, and count an interrupted run as a failure.
fc.configureGlobal({ interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true });
