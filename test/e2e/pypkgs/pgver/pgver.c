#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <libpq-fe.h>

static PyObject *pgver_version(PyObject *self, PyObject *args) {
    return PyLong_FromLong((long)PQlibVersion());
}

static PyMethodDef methods[] = {
    {"version", pgver_version, METH_NOARGS, "Return PQlibVersion()."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "pgver", NULL, -1, methods};

PyMODINIT_FUNC PyInit_pgver(void) { return PyModule_Create(&module); }
