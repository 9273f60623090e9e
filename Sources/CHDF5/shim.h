#pragma once
// CHDF5: HDF5's C API for ShowerIO, plus static inline helpers for what Swift cannot import.
//
// HDF5's type, property-list and access-flag "constants" are macros built on comma expressions
// (`(H5OPEN H5T_NATIVE_FLOAT_g)`); Swift imports none of them, so each one used by ShowerIO has a
// `swh5_` accessor here. A few helpers also keep pointer-heavy work in C (variable-length strings,
// the error-stack walk). Every helper must be called with ShowerIO's global HDF5 lock held.
#include <hdf5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Constants

static inline hid_t swh5_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t swh5_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t swh5_native_int32(void) { return H5T_NATIVE_INT32; }
static inline hid_t swh5_native_int64(void) { return H5T_NATIVE_INT64; }
static inline hid_t swh5_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t swh5_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t swh5_std_i32le(void) { return H5T_STD_I32LE; }
static inline hid_t swh5_p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t swh5_p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t swh5_p_default(void) { return H5P_DEFAULT; }
static inline unsigned swh5_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned swh5_acc_excl(void) { return H5F_ACC_EXCL; }
static inline unsigned swh5_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline hsize_t swh5_unlimited(void) { return H5S_UNLIMITED; }

/// A file-access property list with HDF5's file locking off (the caller closes it with H5Pclose).
///
/// HDF5 1.10 takes an flock() on every file it opens, on a descriptor without close-on-exec: a child
/// process started while a file is open inherits the lock and keeps it for its whole run, so the next
/// open of that file fails with EAGAIN. CaloTwin's writers publish files by an atomic rename, so the
/// lock protects nothing here (h5py users switch it off the same way, HDF5_USE_FILE_LOCKING=FALSE).
static inline hid_t swh5_fapl_unlocked(void) {
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  if (fapl >= 0) H5Pset_file_locking(fapl, 0, 1);
  return fapl;
}

// MARK: - Errors

/// Switches off HDF5's automatic printing of its error stack to stderr.
static inline void swh5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

typedef struct {
  char *buffer;
  size_t capacity;
  size_t used;
  unsigned count;
} swh5_error_sink;

static herr_t swh5_error_walker(unsigned n, const H5E_error2_t *err, void *data) {
  (void)n;
  swh5_error_sink *sink = (swh5_error_sink *)data;
  if (sink->count >= 4 || err->desc == NULL || err->desc[0] == 0) return 0;
  int written = snprintf(sink->buffer + sink->used, sink->capacity - sink->used, "%s%s (%s)",
                         sink->count ? "; " : "", err->desc, err->func_name ? err->func_name : "?");
  if (written > 0) {
    sink->used += (size_t)written;
    if (sink->used >= sink->capacity) sink->used = sink->capacity - 1;
  }
  sink->count += 1;
  return 0;
}

/// Writes up to four descriptions of the current error stack, innermost first, into `buffer`
/// (NUL-terminated), then clears the stack. Returns the number of entries written.
static inline unsigned swh5_take_error_stack(char *buffer, size_t capacity) {
  if (capacity == 0) return 0;
  buffer[0] = 0;
  swh5_error_sink sink = {buffer, capacity, 0, 0};
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, swh5_error_walker, &sink);
  H5Eclear2(H5E_DEFAULT);
  return sink.count;
}

// MARK: - Objects and attributes

/// Number of attributes of an object, or -1 on failure.
static inline long long swh5_attribute_count(hid_t object) {
  H5O_info_t info;
  if (H5Oget_info2(object, &info, H5O_INFO_NUM_ATTRS) < 0) return -1;
  return (long long)info.num_attrs;
}

/// Reads a string attribute (fixed or variable length, scalar or first element) into `buffer`.
/// Returns the full length of the string (which may exceed `capacity - 1`: call again with a
/// bigger buffer), or -1 on failure.
static inline long long swh5_read_string_attribute(hid_t attribute, char *buffer, size_t capacity) {
  hid_t type = H5Aget_type(attribute);
  if (type < 0) return -1;
  long long length = -1;
  hid_t space = H5Aget_space(attribute);
  hssize_t points = space >= 0 ? H5Sget_simple_extent_npoints(space) : -1;
  if (points >= 1 && H5Tget_class(type) == H5T_STRING) {
    if (H5Tis_variable_str(type) > 0) {
      char **values = (char **)calloc((size_t)points, sizeof(char *));
      hid_t memtype = H5Tcopy(type);
      if (values && memtype >= 0 && H5Aread(attribute, memtype, values) >= 0) {
        const char *value = values[0] ? values[0] : "";
        length = (long long)strlen(value);
        if (capacity > 0) snprintf(buffer, capacity, "%s", value);
        H5Dvlen_reclaim(memtype, space, H5P_DEFAULT, values);
      }
      if (memtype >= 0) H5Tclose(memtype);
      free(values);
    } else {
      size_t size = H5Tget_size(type);
      char *values = (char *)calloc((size_t)points * size + 1, 1);
      if (values && H5Aread(attribute, type, values) >= 0) {
        size_t n = strnlen(values, size);
        while (n > 0 && values[n - 1] == ' ') n -= 1;  // space-padded strings
        length = (long long)n;
        if (capacity > 0) snprintf(buffer, capacity, "%.*s", (int)n, values);
      }
      free(values);
    }
  }
  if (space >= 0) H5Sclose(space);
  H5Tclose(type);
  return length;
}

/// Creates (or replaces) a scalar variable-length UTF-8 string attribute, as h5py writes `str`.
/// Returns 0 on success, -1 on failure.
static inline int swh5_write_string_attribute(hid_t object, const char *name, const char *value) {
  if (H5Aexists(object, name) > 0 && H5Adelete(object, name) < 0) return -1;
  hid_t type = H5Tcopy(H5T_C_S1);
  if (type < 0) return -1;
  int status = -1;
  if (H5Tset_size(type, H5T_VARIABLE) >= 0 && H5Tset_cset(type, H5T_CSET_UTF8) >= 0) {
    hid_t space = H5Screate(H5S_SCALAR);
    if (space >= 0) {
      hid_t attribute = H5Acreate2(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
      if (attribute >= 0) {
        if (H5Awrite(attribute, type, &value) >= 0) status = 0;
        H5Aclose(attribute);
      }
      H5Sclose(space);
    }
  }
  H5Tclose(type);
  return status;
}
