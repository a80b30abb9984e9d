# mamori_embed(TARGET NAMESPACE SYMBOL FILES...) generates a C++ source that holds
# the given files as byte arrays, so that the binary carries its migrations (and
# later templates and front-end assets) and runs from any directory.
#
# The generated header declares:
#   struct EmbeddedFile { std::string_view name; std::string_view data; };
#   std::span<const EmbeddedFile> SYMBOL();
function(mamori_embed target namespace symbol)
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/embedded)
  set(script ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake)
  add_custom_command(
    OUTPUT ${out_dir}/${symbol}.cpp ${out_dir}/${symbol}.h
    COMMAND ${CMAKE_COMMAND} -DOUT_DIR=${out_dir} -DNAMESPACE=${namespace} -DSYMBOL=${symbol}
            "-DFILES=${ARGN}" -P ${script}
    DEPENDS ${ARGN} ${script}
    COMMENT "Embedding ${symbol}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out_dir}/${symbol}.cpp)
  target_include_directories(${target} PRIVATE ${out_dir})
endfunction()
