# One long call into C never checks for SIGINT: the host terminates the interpreter.
sum(range(10**15))
