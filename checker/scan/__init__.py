"""Source -> call sites: every use of an API through the Taro namespace or a native global, with its guards.

The scanner knows nothing about the matrix: it reports every member of the
Taro namespace and of the native globals it is told about; the evaluator
decides which of them the matrix knows.
"""
