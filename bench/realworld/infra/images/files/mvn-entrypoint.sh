#! /bin/sh -eu

# Like the official maven image: copy /usr/share/maven/ref into ${MAVEN_CONFIG} (~/.m2) without
# overwriting anything, then run the command.
copy_reference_files() {
  log="$MAVEN_CONFIG/copy_reference_file.log"
  ref="/usr/share/maven/ref"
  if mkdir -p "${MAVEN_CONFIG}/repository" && touch "${log}" > /dev/null 2>&1 ; then
    cd "${ref}"
    echo "--- Copying files to ${MAVEN_CONFIG} at $(date)" >> "${log}"
    find . -type f | while read -r f; do
      if [ ! -e "${MAVEN_CONFIG}/${f}" ] || [ -e "${f}.override" ]; then
        mkdir -p "${MAVEN_CONFIG}/$(dirname "${f}")"
        cp -rv "${f}" "${MAVEN_CONFIG}/${f}" >> "${log}"
      fi
    done
    echo >> "${log}"
  else
    echo "Can not write to ${log}. Wrong volume permissions? Carrying on ..."
  fi
}

owd="$(pwd)"
copy_reference_files
unset MAVEN_CONFIG

cd "${owd}"
unset owd

exec "$@"
