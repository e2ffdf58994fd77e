#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <zlib.h>

static PyObject *zcrc_crc32(PyObject *self, PyObject *args) {
    const char *buf;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "s#", &buf, &len))
        return NULL;
    return PyLong_FromUnsignedLong(crc32(0L, (const Bytef *)buf, (uInt)len));
}

static PyMethodDef methods[] = {
    {"crc32", zcrc_crc32, METH_VARARGS, "CRC-32 of a string (zlib)."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "zcrc", NULL, -1, methods};

PyMODINIT_FUNC PyInit_zcrc(void) { return PyModule_Create(&module); }
